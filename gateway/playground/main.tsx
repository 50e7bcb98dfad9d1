// The playground in the browser: GraphiQL with a persona picker, bundled from installed packages
// (gateway/src/playground/bundle-playground.ts), so it loads with no network beyond the gateway.
import "./monaco-workers.js";
import "graphiql/style.css";
import "./playground.css";
import { createRoot } from "react-dom/client";
import { Playground } from "./playground.js";

const container = document.getElementById("playground");
if (!container) throw new Error("The playground page has no #playground element");
createRoot(container).render(<Playground />);
