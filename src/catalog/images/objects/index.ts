import type { Shape } from '../../vocabulary/types.js';
import type { Drawing } from '../paint.js';
import { book } from './book.js';
import { bottle, box, carton, jar, mug, pouch, tube } from './containers.js';
import { headphones, speaker } from './devices.js';
import { backpack, ball, plush, poles, roll, shirt, shoe, tent } from './gear.js';
import { grinder, kettle, lamp, pan, plantpot } from './kitchen.js';

/** How a drawing sits in its 1000 × 1000 box, so that every object fills the frame alike. */
export interface Placement {
  draw: Drawing;
  /** Half of the object's width at the floor (drawing units): the size of its shadow. */
  footprint: number;
  /** The object's highest point (drawing units; the floor is at 1000). */
  top: number;
  /** The farthest the object reaches left or right of the centre line x = 500 (handles, spouts). */
  reach: number;
}

export const OBJECTS: Readonly<Record<Shape, Placement>> = {
  pouch: { draw: pouch, footprint: 220, top: 380, reach: 210 },
  jar: { draw: jar, footprint: 180, top: 470, reach: 170 },
  bottle: { draw: bottle, footprint: 135, top: 230, reach: 125 },
  box: { draw: box, footprint: 240, top: 460, reach: 260 },
  book: { draw: book, footprint: 220, top: 280, reach: 230 },
  mug: { draw: mug, footprint: 200, top: 576, reach: 290 },
  kettle: { draw: kettle, footprint: 220, top: 450, reach: 290 },
  pan: { draw: pan, footprint: 340, top: 725, reach: 490 },
  backpack: { draw: backpack, footprint: 190, top: 250, reach: 245 },
  tent: { draw: tent, footprint: 370, top: 380, reach: 370 },
  poles: { draw: poles, footprint: 90, top: 120, reach: 110 },
  shoe: { draw: shoe, footprint: 370, top: 585, reach: 370 },
  shirt: { draw: shirt, footprint: 230, top: 290, reach: 345 },
  ball: { draw: ball, footprint: 200, top: 480, reach: 260 },
  headphones: { draw: headphones, footprint: 290, top: 270, reach: 285 },
  speaker: { draw: speaker, footprint: 230, top: 560, reach: 220 },
  lamp: { draw: lamp, footprint: 160, top: 230, reach: 200 },
  plantpot: { draw: plantpot, footprint: 140, top: 300, reach: 230 },
  tube: { draw: tube, footprint: 85, top: 300, reach: 120 },
  roll: { draw: roll, footprint: 330, top: 650, reach: 310 },
  plush: { draw: plush, footprint: 240, top: 367, reach: 240 },
  carton: { draw: carton, footprint: 340, top: 430, reach: 380 },
  grinder: { draw: grinder, footprint: 130, top: 220, reach: 250 },
};
