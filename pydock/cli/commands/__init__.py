"""The commands, one module (or package) per family; texts several of them share."""

JSON_FORMAT_HELP = ("Format output using a custom template:\n"
                    "'json':             Print in JSON format\n"
                    "'TEMPLATE':         Print output using the given Go template.\n"
                    "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output "
                    "with templates")
