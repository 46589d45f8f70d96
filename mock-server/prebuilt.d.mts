export declare const PREBUILT_DIR: string;
export declare function prebuiltPaths(entry: string): { bundle: string; inputs: string };
export declare function prebuilt(entry: string): Promise<string>;
