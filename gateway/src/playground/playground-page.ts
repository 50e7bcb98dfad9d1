/**
 * The playground's page: no inline script or style (the Content-Security-Policy allows neither),
 * and relative URLs, so it works wherever the gateway is mounted.
 */
export const PLAYGROUND_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>MASH Graph playground</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="playground/assets/app.css" />
  </head>
  <body>
    <div id="playground"></div>
    <script src="playground/assets/app.js"></script>
  </body>
</html>
`;
