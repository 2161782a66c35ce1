// Hugo shortcodes that stand for values inside blocks, replaced as istio.io's snippet generator does.
import type { Vars } from './types.js';

const istioFile = /(?<![A-Za-z0-9])@([\w.\-/]+)@/g;

// Replaces version and `github_file` shortcodes with the values of `data/args.yml`; without vars they stay as written.
export function substituteVars(text: string, vars: Vars | undefined): string {
  if (!vars || !text.includes('{{<')) return text;
  return text
    .replaceAll('{{< github_file >}}', `https://raw.githubusercontent.com/istio/istio/${vars.sourceBranchName}`)
    .replaceAll('{{< istio_version >}}', vars.version)
    .replaceAll('{{< istio_full_version >}}', vars.fullVersion)
    .replaceAll('{{< istio_previous_version >}}', vars.previousVersion)
    .replaceAll('{{< istio_full_version_revision >}}', vars.fullVersion.replaceAll('.', '-'))
    .replaceAll('{{< istio_previous_version_revision >}}', vars.previousVersion.replaceAll('.', '-'))
    .replaceAll('{{< k8s_gateway_api_version >}}', vars.k8sGatewayApiVersion);
}

// Turns `@samples/curl/curl.yaml@` into `samples/curl/curl.yaml`: a path inside the Istio repository, resolved at run time.
export function substituteIstioFiles(text: string): string {
  return text.includes('@') ? text.replace(istioFile, '$1') : text;
}

// Lists the `@path@` files a command refers to, for the runner's preflight.
export function istioFilesIn(text: string): string[] {
  return text.includes('@') ? [...text.matchAll(istioFile)].map((m) => m[1]) : [];
}

const varShortcode = /\{\{<\s*(istio_version|istio_full_version|istio_previous_version|istio_full_version_revision|istio_previous_version_revision|k8s_gateway_api_version|github_file)\s*>\}\}/;

// Whether a text uses a value shortcode, so a missing vars file can be reported where it matters.
export function usesVars(text: string): boolean {
  return text.includes('{{<') && varShortcode.test(text);
}
