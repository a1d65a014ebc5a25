declare module "*.sql" {
  const text: string;
  export default text;
}

// `import path from "x.wasm" with { type: "file" }`: Bun embeds the file and yields its path.
declare module "*.wasm" {
  const path: string;
  export default path;
}

declare module "*.ttf" {
  const path: string;
  export default path;
}
