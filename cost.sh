source ./snips.sh
trap 'exit 86' USR1; trap 'echo saved' EXIT
save() { { declare -p; declare -f; alias -p; shopt -p; set +o; builtin printf 'cd -- %q\n' "$PWD"; } >|"$1"; }
t0=$EPOCHREALTIME; for i in {1..50}; do save st; done; t1=$EPOCHREALTIME
echo "full save: $(( (${t1//./} - ${t0//./}) / 50 )) us"
trap -p EXIT USR1 >| tr; read -r -d '' want < tr
t0=$EPOCHREALTIME; for i in {1..1000}; do trap -p EXIT USR1 >| tr; read -r -d '' got < tr; [[ $got == "$want" ]] || echo differ; done; t1=$EPOCHREALTIME
echo "trap check: $(( (${t1//./} - ${t0//./}) / 1000 )) us"
trap - EXIT
