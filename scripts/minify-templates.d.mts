import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export declare const shouldMinify: (id: string) => boolean;
export declare function minifyTemplates(code: string, id: string): Promise<{ code: string; map?: unknown } | null>;
export declare function esbuildMinifyTemplates(): EsbuildPlugin;
export declare function viteMinifyTemplates(): VitePlugin;
