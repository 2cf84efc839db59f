// What a layer builder sees (its spec, input shape and named weights) and what it returns.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Json } from '../topology.ts';
import type { NamedWeight } from '../weights.ts';

export interface LayerContext {
  name: string;
  className: string;
  config: Json;
  /** Input shape without the batch dim. */
  inShape: number[];
  /** This layer's weights by short name ('kernel', 'bias', 'gamma', ...). */
  weights: Map<string, NamedWeight>;
  /**
   * Training only: live tensors (tf.Variables) to use instead of constants, by short name. Builders
   * that honour it transform weights inside apply(), so gradients reach the variables.
   */
  live?: ReadonlyMap<string, Tensor>;
}

export interface BuiltLayer {
  /** Output shape without the batch dim. */
  outShape: number[];
  apply(x: Tensor): Tensor;
  /** Constants this layer owns (disposed with the teacher). */
  tensors: Tensor[];
}

export type LayerBuilder = (ctx: LayerContext) => BuiltLayer;

/** A layer config error; the loader prefixes the layer's name and class. */
export class LayerError extends Error {}

export function cfgNum(c: Json, key: string, dflt: number): number {
  const v = c[key];
  return typeof v === 'number' ? v : dflt;
}

export function cfgBool(c: Json, key: string, dflt: boolean): boolean {
  const v = c[key];
  return typeof v === 'boolean' ? v : dflt;
}

/** A per-spatial-dim tuple from a number or list (Keras writes both). */
export function cfgTuple(c: Json, key: string, n: number, dflt: number[] | null): number[] {
  const v = c[key];
  if (typeof v === 'number') return Array<number>(n).fill(v);
  if (Array.isArray(v) && v.length === n && v.every((e) => typeof e === 'number')) return v as number[];
  if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'number') return Array<number>(n).fill(v[0]);
  if ((v === undefined || v === null) && dflt) return dflt;
  throw new LayerError(`config '${key}' = ${JSON.stringify(v)} is not a ${n}-tuple`);
}

/** Keras channels_last only (channels_first would need transposes everywhere). */
export function requireChannelsLast(c: Json): void {
  const f = c['data_format'] ?? c['dataFormat'];
  if (f !== undefined && f !== null && f !== 'channels_last')
    throw new LayerError(`data_format '${String(f)}' is not supported (channels_last only)`);
}

/** A weight as a kept constant tensor; throws naming the missing weight and what the layer has. */
export function weight(ctx: LayerContext, key: string, shape?: number[]): Tensor {
  const v = ctx.live?.get(key);
  if (v) {
    if (shape && (shape.length !== v.rank || shape.some((d, i) => d !== v.shape[i])))
      throw new LayerError(
        `live weight '${key}' has shape [${v.shape.join(', ')}], expected [${shape.join(', ')}]`,
      );
    return v;
  }
  const w = ctx.weights.get(key);
  if (!w)
    throw new LayerError(`missing weight '${key}' (have: ${[...ctx.weights.keys()].join(', ') || 'none'})`);
  if (shape && (shape.length !== w.shape.length || shape.some((d, i) => d !== w.shape[i])))
    throw new LayerError(
      `weight '${w.name}' has shape [${w.shape.join(', ')}], expected [${shape.join(', ')}]`,
    );
  return tf.keep(tf.tensor(w.values, w.shape, 'float32'));
}

export const sizeOf = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);
