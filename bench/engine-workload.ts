// The packet engine's workload for counting instructions (npm run bench:instructions): the same tunnelled
// pod-to-pod UDP as benchPacketEngine, `process.argv[2]` packets in one lab. The script runs it under
// callgrind twice, with W and W + M packets: the difference is what M packets cost once all is warm.

import { loadDefaultLab } from '../src/lab/index.js';
import { benchPacketEngine } from './packet-engine.js';

benchPacketEngine(loadDefaultLab(), Number(process.argv[2] ?? 1000));
