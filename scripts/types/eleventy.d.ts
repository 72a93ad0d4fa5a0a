// The part of Eleventy 3's programmatic API this project uses (Eleventy ships no types for it).
declare module "@11ty/eleventy" {
  /** The methods of Eleventy's UserConfig that our code calls when it runs Eleventy. */
  export interface EleventyConfig {
    addGlobalData(name: string, value: unknown): void;
    setLibrary(extension: string, library: unknown): void;
    /** Templates to leave out (paths or globs relative to the working directory). */
    ignores: { add(pattern: string): void };
    on(event: "eleventy.after", callback: (event: { directories: { output: string } }) => Promise<void>): void;
    /** Rewrites each page's output; `outputPath` is false for pages not written to a file. */
    addTransform(name: string, transform: (content: string, outputPath: string | false) => string): void;
  }
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    config?: (config: EleventyConfig) => void;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    disableLogger(): void;
  }
}
