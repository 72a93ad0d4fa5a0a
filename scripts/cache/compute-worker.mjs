// The entry of the build's worker threads (see workerPool in compute-cache.ts): it exports
// compute-report.ts's function. Plain JavaScript because a worker thread starts without the
// TypeScript loader the build runs under (Node 20 does not pass loader hooks on to workers), so
// it loads the TypeScript module through tsx's own API.
import { tsImport } from "tsx/esm/api";

const { default: computeReport } = await tsImport("./compute-report.ts", import.meta.url);
export default computeReport;
