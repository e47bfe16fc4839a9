/** esbuild's text loader turns each imported .resx file into its XML source. */
declare module "*.resx" {
  const xml: string;
  export default xml;
}
