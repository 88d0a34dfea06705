# Sourced by scripts/setup and scripts/setup-develop (from the repository's root): make a
# virtual environment with Python >= 3.14.2 and install into it, with uv where it can be
# had. Needs nothing but bash and a `python3`: uv is installed for the user with pip, and
# provides Python 3.14 where it may download it; elsewhere ../shared/bin/ensure-python3.14
# (or a python3.14 on PATH) does.

UV_VERSION=0.13.8
PYTHON_MIN=3.14.2
ENSURE_PYTHON=../shared/bin/ensure-python3.14
uv=() # how to run uv; empty without it
# Trust the system's certificate store, as pip and git do: where a proxy's CA is installed
# there (and nothing points SSL_CERT_FILE at it, as in a plain login shell), uv's own
# roots refuse every download.
export UV_SYSTEM_CERTS=${UV_SYSTEM_CERTS:-1}

say() { echo "$(basename "$0"): $*"; }

venv_ok() {
    [[ -x $1/bin/python ]] && "$1/bin/python" -c "import sys; sys.exit(sys.version_info < (${PYTHON_MIN//./, }))" 2>/dev/null
}

# Find uv, or install it for the user; leave `uv` empty if that fails.
find_uv() {
    if command -v uv >/dev/null; then
        uv=(uv)
    elif python3 -m uv --version >/dev/null 2>&1; then
        uv=(python3 -m uv)
    elif python3 -m pip --version >/dev/null 2>&1; then
        say "installing uv $UV_VERSION for this user (python3 -m pip install --user)"
        local pip=(python3 -m pip install --user --quiet --disable-pip-version-check "uv==$UV_VERSION")
        # A system Python that is "externally managed" refuses even --user installs; uv is
        # one self-contained binary that touches none of its packages.
        if "${pip[@]}" 2>/dev/null || "${pip[@]}" --break-system-packages; then
            python3 -m uv --version >/dev/null 2>&1 && uv=(python3 -m uv)
        fi
    fi
    if [[ ${#uv[@]} -eq 0 ]]; then
        say "uv is not available; using python3.14 and pip"
    fi
}

# Make python3.14 (>= PYTHON_MIN) available on PATH, or fail saying how.
ensure_python() {
    if ! command -v python3.14 >/dev/null && [[ -f $ENSURE_PYTHON ]]; then
        say "python3.14 is not on PATH; running $ENSURE_PYTHON"
        bash "$ENSURE_PYTHON" --quiet
    fi
    if ! command -v python3.14 >/dev/null; then
        echo "$(basename "$0"): Python >= $PYTHON_MIN is required: install python3.14 or uv" >&2
        return 1
    fi
}

# make_venv DIR: (re)create DIR with Python >= PYTHON_MIN unless it has one.
make_venv() {
    local dir=$1
    venv_ok "$dir" && return 0
    if [[ ${#uv[@]} -gt 0 ]]; then
        say "creating $dir with uv (Python 3.14, $PYTHON_MIN or newer)"
        # uv takes a suitable Python it finds, else downloads one; where it may not
        # download (no route to its host), that fails within seconds and we go on.
        local limit=()
        command -v timeout >/dev/null && limit=(timeout 300) # not on macOS
        if UV_HTTP_TIMEOUT=20 ${limit[@]+"${limit[@]}"} "${uv[@]}" venv --quiet --clear --python ">=$PYTHON_MIN,<3.15" "$dir"; then
            return 0
        fi
        say "uv could not provide Python $PYTHON_MIN or newer; looking for python3.14"
        ensure_python || return 1
        "${uv[@]}" venv --quiet --clear --python-preference only-system --python "$(command -v python3.14)" "$dir"
    else
        ensure_python || return 1
        say "creating $dir with $(python3.14 --version)"
        python3.14 -m venv --clear "$dir"
    fi
}

# install DIR ARGS...: pip-install ARGS into the environment DIR.
install() {
    local dir=$1
    shift
    if [[ ${#uv[@]} -gt 0 ]]; then
        "${uv[@]}" pip install --quiet --python "$dir" "$@"
    else
        "$dir/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
    fi
}
