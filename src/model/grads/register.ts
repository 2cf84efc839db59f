// Second-order-safe gradients for tfjs-core 4.22 (tensorflow/tfjs#3252, shared/notes/TFJS.md).
// Stock gradients of Tanh, Sigmoid, Exp, Elu, Softmax, LogSoftmax, Pow, Max and Min reuse the op's
// saved OUTPUT; that copy is taped before the op, so a gradient of the gradient never reaches the
// input. Here each saves its INPUT and recomputes the output inside the gradient, where the outer
// tape records it. Comparison kernels (Greater, LessEqual, Equal, ...) get a zero gradient, which is
// exact almost everywhere and lets stock where/step-masked gradients (selu, leakyRelu, relu6, max)
// be differentiated again instead of throwing "gradient function not found".
// The ESM build of tfjs-core registers no gradients by itself; load the stock ones first, so ours win.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import type { GradConfig, NamedAttrMap, Tensor } from '@tensorflow/tfjs-core';

// Marks our configs, so a second copy of this module (another bundle) does not register twice.
const MARK = '__awdSecondOrder';
type Marked = GradConfig & { [MARK]?: true };

const one = (x: Tensor) => tf.onesLike(x);

function unary(kernelName: string, dydx: (x: Tensor, attrs: NamedAttrMap) => Tensor): GradConfig {
  return {
    kernelName,
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved as Tensor[];
      return { x: () => tf.mul(dy as Tensor, dydx(x!, attrs)) };
    },
  };
}

/** Zero gradient for every input of a piecewise-constant kernel (comparisons, logical ops). */
function flat(kernelName: string, inputs: string[]): GradConfig {
  return {
    kernelName,
    inputsToSave: inputs,
    gradFunc: (_dy, saved) => {
      const out: Record<string, () => Tensor> = {};
      inputs.forEach(
        (name, i) => (out[name] = () => tf.zerosLike(tf.cast((saved as Tensor[])[i]!, 'float32'))),
      );
      return out;
    },
  };
}

/** Gradient of max/min over `axes`: dy routed to the entries equal to the recomputed extreme. */
function extreme(kernelName: 'Max' | 'Min', axesAttr: string): GradConfig {
  return {
    kernelName,
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved as Tensor[];
      const axes = tf.util.parseAxisParam(attrs[axesAttr] as number | number[], x!.shape);
      return {
        x: () => {
          const y = kernelName === 'Max' ? tf.max(x!, axes, true) : tf.min(x!, axes, true);
          const d = dy as Tensor;
          const dk =
            d.rank < x!.rank ? tf.reshape(d, tf.backend_util.expandShapeToKeepDim(d.shape, axes)) : d;
          return tf.mul(dk, tf.cast(tf.equal(x!, y), 'float32'));
        },
      };
    },
  };
}

function configs(): GradConfig[] {
  return [
    unary('Tanh', (x) => tf.sub(one(x), tf.square(tf.tanh(x)))),
    unary('Sigmoid', (x) => {
      const s = tf.sigmoid(x);
      return tf.mul(s, tf.sub(one(x), s));
    }),
    unary('Exp', (x) => tf.exp(x)),
    // elu'(x) = 1 for x > 0, exp(x) otherwise = exp(−relu(−x)): no comparison, smooth pieces.
    unary('Elu', (x) => tf.exp(tf.neg(tf.relu(tf.neg(x))))),
    {
      kernelName: 'Softmax',
      inputsToSave: ['logits'],
      gradFunc: (dy, saved, attrs) => {
        const [logits] = saved as Tensor[];
        const dim = attrs['dim'] as number;
        return {
          logits: () => {
            const y = tf.softmax(logits!, dim);
            const dyy = tf.mul(dy as Tensor, y);
            return tf.sub(dyy, tf.mul(tf.sum(dyy, [dim], true), y));
          },
        };
      },
    },
    {
      kernelName: 'LogSoftmax',
      inputsToSave: ['logits'],
      gradFunc: (dy, saved, attrs) => {
        const [logits] = saved as Tensor[];
        const axis = attrs['axis'] as number;
        return {
          logits: () =>
            tf.sub(dy as Tensor, tf.mul(tf.sum(dy as Tensor, axis, true), tf.softmax(logits!, axis))),
        };
      },
    },
    {
      kernelName: 'Pow',
      inputsToSave: ['a', 'b'],
      gradFunc: (dy, saved) => {
        const [a, b] = saved as Tensor[];
        const shape = tf.broadcast_util.assertAndGetBroadcastShape(a!.shape, b!.shape);
        const fold = (t: Tensor, like: Tensor) => {
          const axes = tf.broadcast_util.getReductionAxes(like.shape, shape);
          return tf.reshape(axes.length > 0 ? tf.sum(t, axes) : t, like.shape);
        };
        return {
          a: () => {
            const e = tf.cast(b!, 'float32');
            return fold(tf.mul(dy as Tensor, tf.mul(e, tf.pow(a!, tf.sub(e, 1)))), a!);
          },
          b: () => {
            const logA = tf.where(tf.greater(a!, 0), tf.log(a!), tf.zerosLike(a!));
            return fold(tf.mul(dy as Tensor, tf.mul(tf.pow(a!, b!), logA)), b!);
          },
        };
      },
    },
    extreme('Max', 'reductionIndices'),
    extreme('Min', 'axis'),
    ...(
      [
        'Greater',
        'GreaterEqual',
        'Less',
        'LessEqual',
        'Equal',
        'NotEqual',
        'LogicalAnd',
        'LogicalOr',
      ] as const
    ).map((k) => flat(k, ['a', 'b'])),
    flat('LogicalNot', ['x']),
    // AvgPoolGrad is linear in dy; its adjoint is avgPool itself, so stock tf.avgPool is safe too.
    {
      kernelName: 'AvgPoolGrad',
      inputsToSave: ['input'],
      gradFunc: (ddx, saved, attrs) => {
        const [input] = saved as Tensor[];
        const { filterSize, strides, pad } = attrs as unknown as {
          filterSize: [number, number];
          strides: [number, number];
          pad: 'valid' | 'same' | number;
        };
        return {
          dy: () => tf.avgPool(ddx as tf.Tensor4D, filterSize, strides, pad),
          input: () => tf.zerosLike(input!),
        };
      },
    },
  ];
}

export const SECOND_ORDER_KERNELS: readonly string[] = configs().map((c) => c.kernelName);

/** Registers the gradients above once per tfjs-core instance (safe to call any number of times). */
export function registerSecondOrderGradients(): void {
  for (const c of configs()) {
    if ((tf.getGradient(c.kernelName) as Marked | undefined)?.[MARK]) continue;
    // Unregister first: registerGradient warns on every (here deliberate) override.
    if (tf.getGradient(c.kernelName) != null) tf.unregisterGradient(c.kernelName);
    tf.registerGradient({ ...c, [MARK]: true } as Marked);
  }
}
