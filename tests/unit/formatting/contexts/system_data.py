"""A client and an engine /version answer, as the version tests see them."""

CLIENT = {"Version": "0.1.0", "APIVersion": "1.41", "DefaultAPIVersion": "1.47", "GitCommit": "abc1234",
          "PythonVersion": "3.11.7", "Os": "linux", "Arch": "amd64", "BuildTime": "unknown-buildtime",
          "Context": "default"}
SERVER = {
    "Platform": {"Name": "Docker Engine - Community"},
    "Components": [
        {"Name": "Engine", "Version": "28.0.0", "Details": {
            "ApiVersion": "1.48", "Arch": "amd64", "BuildTime": "Mon Jan  6 10:00:00 2025", "Experimental": "false",
            "GitCommit": "af898ab", "GoVersion": "go1.23.4", "KernelVersion": "6.1", "MinAPIVersion": "1.24",
            "Os": "linux"}},
        {"Name": "containerd", "Version": "1.7.0", "Details": {"GitCommit": "abc", "Zeta": "z"}},
    ],
    "Version": "28.0.0", "ApiVersion": "1.48", "MinAPIVersion": "1.24", "GitCommit": "af898ab",
    "GoVersion": "go1.23.4", "Os": "linux", "Arch": "amd64", "KernelVersion": "6.1",
    "BuildTime": "2025-01-06T10:00:00.000000000+00:00",
}
