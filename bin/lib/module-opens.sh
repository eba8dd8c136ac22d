# The module openings a jar's manifest asks for (Add-Opens, Add-Exports) as java flags on one line:
# java -jar reads them from the manifest, java -cp does not (Spark and Comet need them).
#   source bin/lib/module-opens.sh; read -r -a opens <<< "$(module_opens JAR)"
module_opens() {
  local manifest jar
  jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  manifest=$(mktemp -d)
  (cd "$manifest" && jar xf "$jar" META-INF/MANIFEST.MF)
  tr -d '\r' < "$manifest/META-INF/MANIFEST.MF" |
    awk '/^ / { line = line substr($0, 2); next } { print line; line = $0 } END { print line }' |
    awk '$1 == "Add-Opens:" { for (i = 2; i <= NF; i++) printf " --add-opens=%s=ALL-UNNAMED", $i }
         $1 == "Add-Exports:" { for (i = 2; i <= NF; i++) printf " --add-exports=%s=ALL-UNNAMED", $i }'
  rm -rf "$manifest"
}
