export declare const STRICT_CSP: string;
export declare function strictCsp(context: unknown, next: () => Promise<unknown>): Promise<void>;
