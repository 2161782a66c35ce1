// The page model: what a Hugo page of istio.io holds, as the parser gives it to the other stages.
// Lines are 1-based, columns 1-based, as in vfile messages and editors.

/** How serious a problem is: errors make `check` fail and stop `run`'s preflight. */
export type Severity = 'error' | 'warning' | 'info';

/** One problem found in an input, positioned, with a rule id (modelled on vfile messages). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable identifier of the rule, e.g. `text-unterminated`. */
  ruleId: string;
  /** A sentence a translator understands. */
  message: string;
  expected?: string;
  actual?: string;
}

/** The `test:` flag of istio.io's front matter (`table-of-contents` marks section index pages). */
export type TestFlag = 'yes' | 'no' | 'n/a' | 'table-of-contents';

/** Validated front matter; keys the schema does not know are kept as they are. */
export interface FrontMatter {
  title?: string | null;
  description?: string | null;
  weight?: number | null;
  keywords?: string[] | null;
  owner?: string | null;
  test?: TestFlag | null;
  aliases?: string[] | string | null;
  [key: string]: unknown;
}

/** A markdown heading, as remark sees it. */
export interface Section {
  /** Heading text without the `{#anchor}` and without trailing `#`s. */
  text: string;
  depth: number;
  /** The `{#anchor}` of the heading, when it has one (without `{#` and `}`). */
  anchor?: string;
  line: number;
}

/** The `{{< tab >}}` a block sits in, within its `{{< tabset >}}`. */
export interface TabRef {
  /** `category-name` of the tabset (empty when the tabset has none). */
  category: string;
  /** `category-value` of the tab, or its name when it has no value. */
  value: string;
  /** Display name of the tab. */
  name: string;
  /** 0-based index of the tabset in the page and of the tab in its tabset. */
  tabset: number;
  index: number;
  line: number;
}

/** The attributes of a `{{< text ... >}}` opener. */
export interface BlockAttributes {
  /** Positional arguments in order: first the syntax, then the output syntax. */
  positional: string[];
  /** Named arguments (`syntax=`, `outputis=`, `snip_id=`, `downloadas=`, `expandlinks=`, others). */
  named: Record<string, string>;
}

/** A command of a `bash` block, with the output the page shows for it. */
export interface Step {
  /** Command text without the `$ ` prompt, continuation lines and heredoc body included, after substitutions. */
  command: string;
  /** Line of the `$ ` line in the file. */
  line: number;
  /** Last line of the command (continuations, heredoc delimiter). */
  endLine: number;
  /** The expected output (may be empty), lines joined with `\n`, without the block's indentation. */
  expected: string;
  /** Line where the expected output starts, when there is one. */
  expectedLine?: number;
}

/** One `{{< text ... >}}` block. */
export interface Block {
  /** The file the block is written in (a boilerplate's file for boilerplate blocks). */
  file: string;
  /** Line of the opener and of the closer. */
  line: number;
  endLine: number;
  /** The opener's indentation, removed from every content line. */
  indent: string;
  attributes: BlockAttributes;
  /** `bash`, `yaml`, `json`, `plain`, ... (from the first positional or `syntax=`). */
  syntax: string;
  /** Syntax of the output part (second positional or `outputis=`). */
  outputSyntax?: string;
  /** Content lines exactly as in the file, between opener and closer. */
  rawLines: string[];
  /** Content after removing the indentation and applying substitutions. */
  text: string;
  /** The tab this block sits in. */
  tab?: TabRef;
  /** Whether istio.io's snippet generator recognises the opener (affects block numbering). */
  recognised: boolean;
  /** `snip_<section>_<n>`, `snip_<X>` for `snip_id=X`; absent for `snip_id=none` or unrecognised openers. */
  id?: string;
  /** For a `snip_id=none` block (never run): the id its place would give (`snip_<section>_<n>`), by which `doctest.yaml` can opt it in. */
  placeId?: string;
  /** On a translation whose ids were aligned with its reference page: the id this page alone would give. */
  localId?: string;
  /** The section name used in the id (istio.io naming), possibly empty. */
  section: string;
  /** The nearest heading above the block (from the markdown structure). */
  heading?: Section;
  /** For `bash` blocks: the commands with their expected output. */
  steps?: Step[];
}

/** A `{{< boilerplate NAME >}}` include and what it resolved to. */
export interface Include {
  name: string;
  line: number;
  /** The boilerplate's file, when found. */
  file?: string;
  /** The parsed boilerplate, when found (its own includes are followed). */
  page?: Page;
}

/** Everything the parser knows of one page. */
export interface Page {
  file: string;
  /** Language from the `content/<lang>/` part of the path, `en` when there is none. */
  lang: string;
  /** False when the file is not a Hugo page (no front matter and no shortcodes). */
  isHugo: boolean;
  frontMatter: FrontMatter;
  /** Line where the body starts (after the front matter). */
  bodyLine: number;
  sections: Section[];
  blocks: Block[];
  includes: Include[];
  diagnostics: Diagnostic[];
  /** The source text, split into lines (without line terminators). */
  lines: string[];
}

/** Values substituted into blocks: istio.io's `data/args.yml`. */
export interface Vars {
  version: string;
  fullVersion: string;
  previousVersion: string;
  k8sGatewayApiVersion: string;
  sourceBranchName: string;
}
