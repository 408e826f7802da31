#!/bin/bash
# pair OUT LABEL_B 'command A' 'command B' [ISOLATION_B]: traces both like spelunk collect does and writes
# a session.json (schema 1) with each run's exit code, stdout and stderr.
set -u
out=$1; labelB=$2; cmdA=$3; cmdB=$4; iso=${5:-}
mkdir -p "$out"; cd "$out"
run() { # label command
  local label=$1 cmd=$2
  strace -f -ttt -T -yy -s 4096 -o "$label.strace.log" -- sh -c "exec $cmd" >"$label.stdout.txt" 2>"$label.stderr.txt"
  echo $? > "$label.exit"
}
run host "$cmdA"; run "$labelB" "$cmdB"
node -e '
const fs=require("fs"); const [labelB, cmdA, cmdB, iso]=process.argv.slice(1);
const run=(label,cmd)=>({label, log:`${label}.strace.log`, command:["sh","-c","exec "+cmd], exitCode:Number(fs.readFileSync(label+".exit","utf8")), stdout:`${label}.stdout.txt`, stderr:`${label}.stderr.txt`, ...(label!=="host"&&iso?{isolation:iso.split(",")}:{})});
fs.writeFileSync("session.json", JSON.stringify({schemaVersion:1, tool:"spelunk", program:{given:cmdA.split(" ")[0], path:cmdA.split(" ")[0], args:[]}, options:{trace:null}, runs:[run("host",cmdA), run(labelB,cmdB)], complete:true, notes:["made by hand with strace -f -ttt -T -yy -s 4096, see RECIPE.md"]}, null, 2)+"\n");
' "$labelB" "$cmdA" "$cmdB" "$iso"
rm -f host.exit "$labelB.exit"
