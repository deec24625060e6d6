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

// Geometry in a unit square (0..1), y down: left, top, right, bottom and corner radius.
type Shape = { left: number; top: number; right: number; bottom: number; r: number };
const tile: Shape = { left: 0.03, top: 0.03, right: 0.97, bottom: 0.97, r: 0.2 };
const frame: Shape = { left: 0.21, top: 0.24, right: 0.79, bottom: 0.76, r: 0.05 };
const frameStroke = 0.055;
const titleBar: Shape = { left: 0.21, top: 0.24, right: 0.79, bottom: 0.35, r: 0 };
const oneBar: Shape = { left: 0.31, top: 0.505, right: 0.69, bottom: 0.595, r: 0.02 };

/**
 * A shape in pixels at this size, its edges on whole pixels: at 16 or 32 pixels an edge
 * between two pixels is sharp where one through the middle of a pixel is a grey smear.
 */
function inPixels(shape: Shape, size: number): Box {
  const left = Math.round(shape.left * size);
  const top = Math.round(shape.top * size);
  const right = Math.max(left + 1, Math.round(shape.right * size));
  const bottom = Math.max(top + 1, Math.round(shape.bottom * size));
  const hw = (right - left) / 2;
  const hh = (bottom - top) / 2;
  return { cx: left + hw, cy: top + hh, hw, hh, r: Math.min(shape.r * size, hw, hh) };
}

/** How much of a pixel a shape at signed distance `d` (in pixels) covers: a one-pixel ramp, which is the anti-aliasing. */
const coverage = (d: number) => Math.min(1, Math.max(0, 0.5 - d));

/** The logo as straight-alpha RGBA, `size`×`size`, row by row. */
export function drawLogo(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const [tileBox, frameBox, titleBox, barBox] = [tile, frame, titleBar, oneBar].map((shape) => inPixels(shape, size)) as [Box, Box, Box, Box];
  // The frame's line is drawn inside its outline, a whole number of pixels and at least one.
  const stroke = Math.max(1, Math.round(frameStroke * size));
  const frameMiddle: Box = {
    cx: frameBox.cx,
    cy: frameBox.cy,
    hw: frameBox.hw - stroke / 2,
    hh: frameBox.hh - stroke / 2,
    r: Math.max(0, frameBox.r - stroke / 2),
  };
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = col + 0.5;
      const y = row + 0.5;
      const tileCover = coverage(roundedBoxDistance(x, y, tileBox));
      const frameCover = coverage(Math.abs(roundedBoxDistance(x, y, frameMiddle)) - stroke / 2);
      // The title bar is clipped to the frame's rounded outline, so its top corners follow it.
      const titleCover = Math.min(coverage(roundedBoxDistance(x, y, titleBox)), coverage(roundedBoxDistance(x, y, frameBox)));
      const barCover = coverage(roundedBoxDistance(x, y, barBox));
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
