// The part of Eleventy 3's programmatic API this project uses (Eleventy ships no types for it).
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    config?: (config: import("./eleventy-config.ts").EleventyConfig) => void;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    setIsVerbose?(verbose: boolean): void;
  }
}
