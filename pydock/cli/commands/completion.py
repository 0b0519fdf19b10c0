"""`completion bash|zsh|fish`: print the shell's completion script (cli/completion/scripts.py)."""
from __future__ import annotations

import click

from ..base import DockerCommand
from ..errors import FAILURE, StatusError
from ..flags import argument, option
from ..output import write_flushed

HELP = {  # cobra's texts for its completion commands, naming pydock
    'bash': (
        'Generate the autocompletion script for the bash shell.\n'
        '\n'
        "This script depends on the 'bash-completion' package.\n"
        "If it is not installed already, you can install it via your OS's package manager.\n"
        '\n'
        'To load completions in your current shell session:\n'
        '\n'
        '\tsource <(pydock completion bash)\n'
        '\n'
        'To load completions for every new session, execute once:\n'
        '\n'
        '#### Linux:\n'
        '\n'
        '\tpydock completion bash > /etc/bash_completion.d/pydock\n'
        '\n'
        '#### macOS:\n'
        '\n'
        '\tpydock completion bash > $(brew --prefix)/etc/bash_completion.d/pydock\n'
        '\n'
        'You will need to start a new shell for this setup to take effect.'
    ),
    'zsh': (
        'Generate the autocompletion script for the zsh shell.\n'
        '\n'
        'If shell completion is not already enabled in your environment you will need\n'
        'to enable it.  You can execute the following once:\n'
        '\n'
        '\techo "autoload -U compinit; compinit" >> ~/.zshrc\n'
        '\n'
        'To load completions in your current shell session:\n'
        '\n'
        '\tsource <(pydock completion zsh)\n'
        '\n'
        'To load completions for every new session, execute once:\n'
        '\n'
        '#### Linux:\n'
        '\n'
        '\tpydock completion zsh > "${fpath[1]}/_pydock"\n'
        '\n'
        '#### macOS:\n'
        '\n'
        '\tpydock completion zsh > $(brew --prefix)/share/zsh/site-functions/_pydock\n'
        '\n'
        'You will need to start a new shell for this setup to take effect.'
    ),
    'fish': (
        'Generate the autocompletion script for the fish shell.\n'
        '\n'
        'To load completions in your current shell session:\n'
        '\n'
        '\tpydock completion fish | source\n'
        '\n'
        'To load completions for every new session, execute once:\n'
        '\n'
        '\tpydock completion fish > ~/.config/fish/completions/pydock.fish\n'
        '\n'
        'You will need to start a new shell for this setup to take effect.'
    ),
}



def _script_command(shell: str):
    def command(env, no_descriptions, words):
        from ..completion.scripts import script

        if words:  # cobra's legacy argument check, which its own completion commands keep
            ctx = click.get_current_context()
            raise StatusError(f'unknown command "{words[0]}" for "{ctx.command_path}"', FAILURE)
        write_flushed(env.stdout, script(shell, descriptions=not no_descriptions))

    # named after the module attribute it becomes, the "module:function" target cli.registry knows it by
    command.__name__ = command.__qualname__ = shell
    usage = shell if shell == "bash" else f"{shell} [flags]"  # as cobra declares its completion commands
    declare = click.command(shell, cls=DockerCommand, usage=usage, help=HELP[shell])
    return declare(option("--no-descriptions", kind="bool", help="disable completion descriptions")(
        argument("words")(click.pass_obj(command))))


bash = _script_command("bash")
zsh = _script_command("zsh")
fish = _script_command("fish")
