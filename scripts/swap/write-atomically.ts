/**
 * The build's output is swapped in whole or not at all. Everything is written into a fresh folder
 * beside the site (`<out>.building-<pid>-*`), which replaces the site in one rename only when every
 * step has succeeded: a failed build (bad input, Chromium missing, a check failing, a write failing
 * half way) leaves the previous site byte for byte as it was, and removes its temporary folder.
 *
 * A signal (SIGINT, SIGTERM) while writing removes the temporary folder synchronously and exits
 * with 128 + the signal's number; during the two renames of the swap it waits for them. A build
 * killed outright (SIGKILL, power cut) cannot clean up: the next build removes what it left, and
 * puts the previous site back if it was killed between the two renames.
 */
import { existsSync, rmSync } from "node:fs";
import { mkdtemp, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/** Is a process with this id running (on this machine)? */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove the temporary folders (`<out>.building-<pid>-*`, and their `.old` leftovers) of builds
 * that were killed outright (SIGKILL, power cut) and so could not clean up; a running build's are kept.
 */
async function removeStaleTemporaries(outputDir: string): Promise<void> {
  const prefix = `${path.basename(outputDir)}.building-`;
  const parent = path.dirname(outputDir);
  const entries = await readdir(parent).catch(() => []);
  for (const name of entries.filter((e) => e.startsWith(prefix)).sort()) {
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) continue;
    // Killed between its two renames: the previous site is in `.old` and there is no `outputDir`; put it back.
    if (name.endsWith(".old") && !existsSync(outputDir)) await rename(path.join(parent, name), outputDir);
    else await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

/**
 * A signal's clean-up: remove the temporary folder and exit with 128 + the signal's number. Synchronous
 * on purpose: while it runs, no other code of the build can start a write that recreates the folder.
 * Writes the build had already handed to Node's thread pool still finish, so it removes the folder
 * until it stays gone for a moment.
 */
function removeAndExit(dir: string, code: number): never {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let tries = 0; tries < 40; tries++) {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 10 });
    Atomics.wait(pause, 0, 0, 25);
    if (!existsSync(dir)) break;
  }
  process.exit(code);
}

/** Write into a fresh folder, then replace `outputDir` with it in one rename. */
export async function writeAtomically<T>(outputDir: string, write: (dir: string) => Promise<T>): Promise<T> {
  const parent = path.dirname(outputDir);
  await removeStaleTemporaries(outputDir);
  const created: { dir?: string } = {};
  let stopping: number | undefined;
  // During the swap a signal waits for it to finish: stopping between the two renames would leave no site at all.
  let swapping = false;
  let exitAfterSwap: number | undefined;
  // Listening before the folder exists, so no signal can kill the build between creating it and listening.
  // `on`, not `once`: a second signal must not kill the build mid-clean-up.
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === "SIGINT" ? 130 : 143;
    if (swapping) {
      exitAfterSwap = code;
      return;
    }
    stopping ??= code;
    // Before the folder exists, the code that creates it sees `stopping` and removes it.
    if (created.dir !== undefined) removeAndExit(created.dir, stopping);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const temp = await mkdtemp(path.join(parent, `${path.basename(outputDir)}.building-${process.pid}-`)).catch((error: unknown) => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    throw error;
  });
  created.dir = temp;
  if (stopping !== undefined) removeAndExit(temp, stopping);
  try {
    const result = await write(temp);
    swapping = true;
    const old = `${temp}.old`;
    await rename(outputDir, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(temp, outputDir);
    // Synchronously: a large site's tens of thousands of links go a third quicker so.
    rmSync(old, { recursive: true, force: true });
    swapping = false;
    // The new site is complete and in place; now honour a signal that came during the swap.
    if (exitAfterSwap !== undefined) process.exit(exitAfterSwap);
    return result;
  } catch (error) {
    await rm(temp, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
