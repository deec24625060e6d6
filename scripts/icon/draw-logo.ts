// The application's logo, drawn from shapes rather than kept as a binary design file, so the
// icon at every size (Windows wants 16 to 256, Linux 1024) comes from one description and a
// change is a reviewed diff. The motif: 一窗通's "one window" — a white window (frame and title
// bar) with one bar, 一, inside it, on a rounded square in the brand blue.

/** The brand blue #0b5cad. */
export const brandBlue = [0x0b, 0x5c, 0xad] as const;

type Box = { cx: number; cy: number; hw: number; hh: number; r: number };

/** Signed distance from (x, y) to a rounded box, in the same unit as its coordinates. */
function roundedBoxDistance(x: number, y: number, box: Box): number {
  const qx = Math.abs(x - box.cx) - (box.hw - box.r);
  const qy = Math.abs(y - box.cy) - (box.hh - box.r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - box.r;
}

// Geometry in a unit square (0..1), y down.
const tile: Box = { cx: 0.5, cy: 0.5, hw: 0.47, hh: 0.47, r: 0.2 };
const frame: Box = { cx: 0.5, cy: 0.5, hw: 0.29, hh: 0.26, r: 0.05 };
const frameStroke = 0.055;
const titleBar: Box = { cx: 0.5, cy: 0.295, hw: 0.29, hh: 0.055, r: 0 };
const oneBar: Box = { cx: 0.5, cy: 0.55, hw: 0.19, hh: 0.045, r: 0.02 };

/** How much of a pixel a shape at signed distance `d` (in pixels) covers: a one-pixel ramp, which is the anti-aliasing. */
const coverage = (d: number) => Math.min(1, Math.max(0, 0.5 - d));

/** The logo as straight-alpha RGBA, `size`×`size`, row by row. */
export function drawLogo(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = (col + 0.5) / size;
      const y = (row + 0.5) / size;
      const tileCover = coverage(roundedBoxDistance(x, y, tile) * size);
      const frameCover = coverage((Math.abs(roundedBoxDistance(x, y, frame)) - frameStroke / 2) * size);
      // The title bar is clipped to the frame's rounded outline, so its top corners follow it.
      const titleCover = Math.min(coverage(roundedBoxDistance(x, y, titleBar) * size), coverage(roundedBoxDistance(x, y, frame) * size));
      const barCover = coverage(roundedBoxDistance(x, y, oneBar) * size);
      const white = Math.min(Math.max(frameCover, titleCover, barCover), tileCover);
      const at = (row * size + col) * 4;
      pixels[at] = Math.round(brandBlue[0] + (255 - brandBlue[0]) * white);
      pixels[at + 1] = Math.round(brandBlue[1] + (255 - brandBlue[1]) * white);
      pixels[at + 2] = Math.round(brandBlue[2] + (255 - brandBlue[2]) * white);
      pixels[at + 3] = Math.round(255 * tileCover);
    }
  }
  return pixels;
}
