// The part of @11ty/eleventy-dev-server (a dependency of Eleventy, which ships no types for it) that `npm run serve` uses.
declare module "@11ty/eleventy-dev-server" {
  import type { Server } from "node:http";
  export interface RequestResult {
    status?: number;
    headers?: Record<string, string>;
    body?: string;
  }
  export interface DevServerOptions {
    liveReload?: boolean;
    domDiff?: boolean;
    portReassignmentRetryCount?: number;
    /** URL patterns answered by a function instead of a file; a falsy result falls through to the files. */
    onRequest?: Record<string, (request: { url: URL }) => RequestResult | string | undefined | Promise<RequestResult | string | undefined>>;
    messageOnStart?: () => string | false;
    logger?: { info(message: string): void; log(message: string): void; error(message: string): void };
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    /** The HTTP server (created on first use, not yet listening). */
    readonly server: Server;
    ready(): Promise<void>;
    /** Tell every open page to reload. */
    reload(event: { files: string[] }): void;
    close(): Promise<void>;
  }
}
