import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import powerApps from "@microsoft/eslint-plugin-power-apps";

export default tseslint.config(
  { ignores: ["node_modules/", "out/", ".stage/", "solution/bin/", "playground/dist/", "coverage/", "**/generated/", "*.config.js", "eslint.config.mjs"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "react-hooks": reactHooks, "@microsoft/power-apps": powerApps },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...powerApps.configs.paCheckerHosted.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests and dev tools may use jest's loose matchers and build fixtures from untyped JSON.
    files: ["tests/**", "dev/**", "scripts/**", "solution/**", "bench/**", "playground/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
);
