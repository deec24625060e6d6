import { performance } from 'node:perf_hooks';
import { createFrameParser } from '../../main/drivers/rating/frame-parser.ts';
import { isFramedProfile } from '../../common/rating-profile/profile.ts';
import { builtinProfiles } from '../../common/rating-profile/builtin-profiles.ts';
import { anyNoise, randomFrame, seededRandom } from '../../main/drivers/rating/testing/noisy-stream.ts';
import { formatSamples, median, round1 } from '../lib/stats.ts';
import { defineCase } from '../types.ts';

const megabytes = 50;
const chunkSize = 1024;
const STX = 0x02;

/**
 * Decoder throughput of the reference protocol's frame parser on ~50 MB of noisy input:
 * about half uniform random noise (every byte value, so stray STX bytes start false
 * candidates the parser must read LEN for and give up), half frames with 0..16 data
 * bytes (the longest reply the profile allows), pushed in 1 KiB reads as the driver
 * parses them. Baseline: a plain loop that only counts STX bytes over
 * the same buffer. Median of the runs, interleaved.
 */
export const ratingsParse = defineCase({
  name: 'ratings.parse_mb_per_s',
  unit: 'MB/s',
  // A 9600-baud line carries under 1 KB/s; this only catches a parser gone quadratic.
  target: '>= 20',
  async run(ctx) {
    const profile = builtinProfiles.find((p) => p.name === 'reference-serial');
    if (!profile || !isFramedProfile(profile)) throw new Error('reference-serial profile missing');
    // What the driver parses: replies, with their shorter LEN limit.
    const replyMax = profile.frame.maxReplyDataLength ?? profile.frame.maxDataLength;
    const random = seededRandom(7);
    const input = new Uint8Array(megabytes * 1024 * 1024);
    let embedded = 0;
    for (let at = 0; at < input.length;) {
      const noise = anyNoise(random, random.int(48));
      const { bytes } = randomFrame(random, profile.frame, replyMax);
      if (at + noise.length + bytes.length > input.length) break;
      input.set(noise, at);
      input.set(bytes, at + noise.length);
      at += noise.length + bytes.length;
      embedded++;
    }
    const size = input.length / (1024 * 1024);

    const parsed: number[] = [];
    const scanned: number[] = [];
    for (let run = 1; run <= ctx.runs; run++) {
      let frames = 0;
      const parser = createFrameParser(profile, { onFrame: () => frames++ }, { maxDataLength: replyMax });
      let t = performance.now();
      for (let at = 0; at < input.length; at += chunkSize) parser.push(input.subarray(at, at + chunkSize));
      parser.expire();
      parsed.push(size / ((performance.now() - t) / 1000));
      // Random noise can by chance hold a valid frame, and one may overlap a real one; more than a handful missing is a bug.
      if (frames < embedded * 0.999) throw new Error(`the parser found ${frames} of ${embedded} frames`);

      t = performance.now();
      let stx = 0;
      for (let i = 0; i < input.length; i++) if (input[i] === STX) stx++;
      scanned.push(size / ((performance.now() - t) / 1000));
      ctx.log(
        `  run ${run}/${ctx.runs}: parser ${round1(parsed.at(-1)!)} MB/s (${frames} frames of ${embedded}, ${parser.stats.malformed} false starts, ${parser.stats.badChecksum} bad checksums), STX scan ${round1(scanned.at(-1)!)} MB/s (${stx} STX)`,
      );
    }
    ctx.log(`  parser samples: ${formatSamples(parsed)}; baseline samples: ${formatSamples(scanned)}`);
    return { value: round1(median(parsed)), baseline: round1(median(scanned)) };
  },
});
