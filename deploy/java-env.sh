# shellcheck shell=sh
# Finds a JDK 21 or newer and exports JAVA_HOME for it. Sourced by mvnw, cluster and fdfs.
# Order: $JAVA_HOME, then `java` on PATH, then the usual JDK folders (newest first).
# Prints a clear message and returns 1 when there is none.

fdfs_java_version() {
  # prints the feature version of the java binary $1 (8 for 1.8), or nothing
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n 1
}

fdfs_find_java() {
  _fdfs_min=21
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    _v=$(fdfs_java_version "$JAVA_HOME/bin/java")
    if [ -n "$_v" ] && [ "$_v" -ge "$_fdfs_min" ]; then
      export JAVA_HOME
      return 0
    fi
    echo "note: JAVA_HOME=$JAVA_HOME is Java ${_v:-unknown}; looking for Java $_fdfs_min or newer" >&2
  fi
  _j=$(command -v java 2>/dev/null || true)
  if [ -n "$_j" ]; then
    _v=$(fdfs_java_version "$_j")
    if [ -n "$_v" ] && [ "$_v" -ge "$_fdfs_min" ]; then
      _real=$(readlink -f "$_j" 2>/dev/null || echo "$_j")
      JAVA_HOME=$(dirname "$(dirname "$_real")")
      export JAVA_HOME
      return 0
    fi
  fi
  _best=""
  _best_v=0
  case $- in *f*) _fdfs_noglob=1 ;; *) _fdfs_noglob=0 ;; esac
  set +f # callers such as mvnw run with globbing off
  for _d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* \
            "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
            /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$_d/bin/java" ] && [ -x "$_d/bin/javac" ] || continue
    _v=$(fdfs_java_version "$_d/bin/java")
    if [ -n "$_v" ] && [ "$_v" -ge "$_fdfs_min" ] && [ "$_v" -gt "$_best_v" ]; then
      _best=$_d
      _best_v=$_v
    fi
  done
  [ "$_fdfs_noglob" = 1 ] && set -f
  if [ -n "$_best" ]; then
    JAVA_HOME=$_best
    export JAVA_HOME
    return 0
  fi
  echo "error: no JDK $_fdfs_min or newer found (checked JAVA_HOME, java on PATH, /usr/lib/jvm, /usr/java, /opt, ~/.sdkman)." >&2
  echo "       Install one (e.g. apt-get install openjdk-21-jdk) or point JAVA_HOME at it." >&2
  return 1
}
