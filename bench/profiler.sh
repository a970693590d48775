# Sourced by the load scripts: async-profiler attached to a running JVM, CPU by interval timer.
# async-profiler comes from Maven Central (tools.profiler:async-profiler) into ~/.m2. JFR was tried
# first: with a recording on, this service answered a third as many requests (bench/README.md,
# "Profiling"), which made its profile a profile of JFR.
#
#   profiler_setup DIR         # fetches and unpacks the library into DIR
#   profiler_start PID         # starts sampling every thread every 1 ms of CPU
#   profiler_stop PID FILE     # stops, writes collapsed stacks (thread names first) to FILE

ap_version=4.1
ap_agent=

profiler_setup() {
  local root; root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
  "$root/mvnw" -q -B dependency:get -Dartifact="tools.profiler:async-profiler:$ap_version" >/dev/null
  (cd "$1" && unzip -q -o \
    "$HOME/.m2/repository/tools/profiler/async-profiler/$ap_version/async-profiler-$ap_version.jar" \
    'linux-x64/*')
  ap_agent="$1/linux-x64/libasyncProfiler.so"
}

# jcmd splits its arguments at '=': the agent's options go in double quotes
profiler_start() {
  jcmd "$1" JVMTI.agent_load "$ap_agent" '"start,event=itimer,interval=1ms,threads"' >/dev/null
}

profiler_stop() {
  jcmd "$1" JVMTI.agent_load "$ap_agent" "\"stop,file=$2,collapsed\"" >/dev/null
}
