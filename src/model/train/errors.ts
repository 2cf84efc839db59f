/** Thrown by AwdTrainer.step when the loss or gradient stops being finite; h0 is already restored. */
export class TrainingDiverged extends Error {
  readonly step: number;
  readonly restoredH0: Float64Array;
  constructor(step: number, what: string, restoredH0: Float64Array) {
    super(
      `AWD training diverged at step ${step}: ${what} is not finite; h0 was restored to the last good ` +
        `filter (lower the learning rate or the weights λ/γ and resume).`,
    );
    this.name = 'TrainingDiverged';
    this.step = step;
    this.restoredH0 = restoredH0;
  }
}
