// tf.stopGradient does not exist in tfjs-core: identity forward, zero gradient (at every order,
// because the zero gradient does not depend on anything).
import * as tf from '@tensorflow/tfjs-core';

const stop = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const t = args[0] as tf.Tensor;
  return { value: tf.clone(t), gradFunc: () => tf.zerosLike(t) };
});

export function stopGradient<T extends tf.Tensor>(t: T): T {
  return stop(t) as T;
}
