// The part of Eleventy 3's programmatic API this project uses (Eleventy ships no types for it).
declare module "@11ty/eleventy" {
  /** The methods of Eleventy's UserConfig that our code calls when it runs Eleventy. */
  export interface EleventyConfig {
    addGlobalData(name: string, value: unknown): void;
    /** A Nunjucks filter; `this.page` is the page being rendered (none in a macro imported without context). */
    addFilter<T = string>(name: string, filter: (this: { page?: { url: string } }, value: T) => string): void;
    /** A plugin: runs after Eleventy's own configuration, so that what it adds can replace a default. */
    addPlugin(plugin: (config: EleventyConfig) => void): void;
    setLibrary(extension: string, library: unknown): void;
    /** Templates to leave out (paths or globs relative to the working directory). */
    ignores: { add(pattern: string): void };
    on(event: "eleventy.after", callback: (event: { directories: { output: string } }) => Promise<void>): void;
    /** Changes the Nunjucks environment (its loaders read the layouts and includes). */
    amendLibrary(engine: "njk", callback: (env: { loaders: { getSource(name: string): { src: string } | null }[] }) => void): void;
    /** Rewrites a content template's text before it is compiled, once per template. */
    addPreprocessor(name: string, extensions: string, callback: (data: unknown, content: string) => string): void;
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
