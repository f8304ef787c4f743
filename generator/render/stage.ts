import type { Model } from '../model/types.ts';

/** A file the generator writes, with its path relative to the output directory. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** One renderer: reads the validated model, returns files. A new output is a new stage. */
export interface Stage {
  readonly name: string;
  render(model: Model): GeneratedFile[];
}
