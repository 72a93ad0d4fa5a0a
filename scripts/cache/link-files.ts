/**
 * Reusing unchanged files of the previous site: hard-linked into the new site folder (a copy where
 * the file system refuses a hard link). Hard links are safe because a built site is never written
 * to again: every build writes a new folder and the old one is deleted after the swap.
 */
import { copyFileSync, linkSync, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * Links the files from `fromDir` into `toDir`. A file already written in `toDir` by this build is
 * left as it is: call this after rendering, so that nothing is ever written through a link into the
 * previous site.
 *
 * Synchronous on purpose: a large site links tens of thousands of files, and one system call
 * after another is several times quicker than as many promises.
 */
export function linkFiles(files: Iterable<string>, fromDir: string, toDir: string): void {
  const folders = new Set<string>();
  for (const file of files) {
    const target = path.join(toDir, file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    // One system call a file: a link over a file already there fails (EEXIST), and the file is left as it is.
    try {
      linkSync(path.join(fromDir, file), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") copyFileSync(path.join(fromDir, file), target);
    }
  }
}
