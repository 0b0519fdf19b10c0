"""Client configuration: config.json, contexts and credentials, in docker's on-disk formats."""
import os


def default_config_dir(env=os.environ) -> str:
    return env.get("DOCKER_CONFIG") or os.path.join(os.path.expanduser("~"), ".docker")
