/**
 * Merged by pcf-scripts into its own webpack configuration: scripts/build.ts stages this file as
 * .stage/webpack.config.js, and featureconfig.json (staged beside it) turns the merge on.
 * What stays here is what measurably pays; see the README, "Browsers we compile for".
 */
module.exports = {
  // pcf-scripts asks for module-path comments; they are "/*!" comments, so the minifier keeps them as
  // a licence file (bundle.js.LICENSE.txt, holding only those paths) and a banner in bundle.js pointing to it.
  output: { pathinfo: false },
};
