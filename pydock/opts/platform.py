"""--platform values as containerd's platforms.Parse normalises them ("os/arch[/variant]")."""
from __future__ import annotations

import re

from . import OptError

_COMPONENT = (r"[A-Za-z0-9_.-]+")
KNOWN_OS = {"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux",
            "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos"}
KNOWN_ARCH = {"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le", "loong64",
              "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "riscv", "riscv64",
              "s390", "s390x", "sparc", "sparc64", "wasm"}


def _normalize_os(name: str) -> str:
    name = name.lower()
    return "darwin" if name == "macos" else name


def _normalize_arch(arch: str, variant: str) -> tuple[str, str]:
    arch, variant = arch.lower(), variant.lower()
    if arch in ("i386",):
        return "386", ""
    if arch in ("x86_64", "x86-64", "amd64"):
        return "amd64", "" if variant in ("v1", "") else variant
    if arch in ("aarch64", "arm64"):
        return "arm64", "" if variant in ("8", "v8", "v8.0") else variant
    if arch == "armhf":
        return "arm", "v7"
    if arch == "armel":
        return "arm", "v6"
    if arch == "arm":
        if variant in ("", "7"):
            return "arm", "v7"
        if variant in ("5", "6", "8"):
            return "arm", "v" + variant
    return arch, variant


def _host_arch() -> str:
    import platform

    return _normalize_arch(platform.machine(), "")[0]


def parse_platform(spec: str) -> str:
    """The normalised "os/arch[/variant]" of a --platform value, or OptError as docker words it."""
    if "*" in spec:
        raise OptError(f'"{spec}": wildcards not yet supported: invalid argument')
    parts = spec.split("/")
    for part in parts:
        if not re.fullmatch(_COMPONENT, part):
            raise OptError(f'"{part}" is an invalid component of "{spec}": platform specifier component must '
                           f'match "^[A-Za-z0-9_.-]+$": invalid argument')
    if len(parts) == 1:
        if _normalize_os(parts[0]) in KNOWN_OS:
            os_name, arch, variant = _normalize_os(parts[0]), _host_arch(), ""
        elif _normalize_arch(parts[0], "")[0] in KNOWN_ARCH:
            os_name, (arch, variant) = "linux", _normalize_arch(parts[0], "")
        else:
            raise OptError(f'"{spec}": unknown operating system or architecture: invalid argument')
    elif len(parts) in (2, 3):
        os_name = _normalize_os(parts[0])
        arch, variant = _normalize_arch(parts[1], parts[2] if len(parts) == 3 else "")
    else:
        raise OptError(f'"{spec}": cannot parse platform specifier: invalid argument')
    return "/".join(p for p in (os_name, arch, variant) if p)
