// Worker entry: the engine on `self`, with the real backends and model (see deps.ts).
import { createEngine } from './engine.ts';
import { workerDeps } from './deps.ts';
import type { Endpoint } from './types.ts';

createEngine(self as unknown as Endpoint, workerDeps());
