/** The methods of Eleventy's UserConfig that our code calls when it runs Eleventy. */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  setLibrary(extension: string, library: unknown): void;
  on(event: "eleventy.after", callback: (event: { directories: { output: string } }) => Promise<void>): void;
}
