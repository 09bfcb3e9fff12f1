// TEST DOUBLE support: the Docker CLI's output formats (Go templates, tables, human durations and
// sizes), reproduced closely enough that parsers written against the real CLI work on the lab.

/** go-units HumanDuration, as `docker ps` prints "Up 5 minutes" and "Exited (0) 3 seconds ago". */
export function humanDuration(ms) {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(seconds / 3600 + 0.5);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 14) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 60) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 730) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

/** go-units HumanSize (decimal units, 4 significant digits): "3.8MB", "0B". */
export function humanSize(bytes) {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${Number.parseFloat(value.toPrecision(4))}${units[unit]}`;
}

/** go-units BytesSize (binary units), as `docker stats` prints memory: "45.3MiB". */
export function binarySize(bytes) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.parseFloat(value.toPrecision(4))}${units[unit]}`;
}

/** `2024-05-01 10:00:00 +0000 UTC`, the Go time format of CreatedAt. */
export function goTime(ms) {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

const HEADERS = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Status: 'STATUS',
  Ports: 'PORTS',
  Names: 'NAMES',
  State: 'STATE',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  Networks: 'NETWORKS',
  LocalVolumes: 'LOCAL VOLUMES',
  Container: 'CONTAINER',
  Name: 'NAME',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};

const ACTION = /\{\{\s*(json\s+)?(\.[A-Za-z0-9_.]*)\s*\}\}/g;

function lookup(row, path) {
  return path
    .split('.')
    .filter(Boolean)
    .reduce((value, key) => (value === undefined || value === null ? undefined : value[key]), row);
}

/**
 * Renders rows with a docker `--format` value: `{{json .}}`, `{{.Field}}`, `{{json .A.B}}`, a
 * `table ` prefix (header row, columns aligned like Go's tabwriter) and `\t`/`\n` escapes.
 * Anything else in a template is printed as is (the double knows no functions such as `upper`).
 */
export function renderTemplate(format, rows) {
  const isTable = format.startsWith('table');
  const template = (isTable ? format.slice('table'.length).trimStart() : format)
    .replaceAll('\\t', '\t')
    .replaceAll('\\n', '\n');
  const render = (row) =>
    template.replace(ACTION, (_match, json, path) => {
      const value = lookup(row, path);
      return json ? JSON.stringify(value ?? null) : String(value ?? '<no value>');
    });
  const lines = rows.map(render);
  if (!isTable) return lines.map((line) => `${line}\n`).join('');
  const header = template.replace(ACTION, (_match, _json, path) =>
    path === '.' ? '' : (HEADERS[path.slice(1)] ?? path.slice(1).toUpperCase()),
  );
  return alignColumns([header, ...lines]);
}

/** Go tabwriter with padding 3, as the docker CLI configures it. */
export function alignColumns(lines) {
  const cells = lines.map((line) => line.split('\t'));
  const widths = [];
  for (const row of cells) {
    for (const [index, cell] of row.entries()) widths[index] = Math.max(widths[index] ?? 0, cell.length);
  }
  return cells
    .map((row) =>
      row
        .map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd((widths[index] ?? 0) + 3)))
        .join('')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}
