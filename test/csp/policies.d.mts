export type Directives = Record<string, string[]>;
export declare const STRICT: Directives;
export declare const POLICIES: {
  strict: Directives;
  minimal: Directives;
  'no-data-images': Directives;
  'no-trusted-types-policy': Directives;
  'no-connect': Directives;
  'no-data-media': Directives;
};
export declare function policyHeader(directives: Directives, reportUri?: string): string;
