"""docker's formatter: listings, go-units, per-object contexts (Go's runtime is in pydock.golang).

Modules (import the one you need; nothing heavy is imported here):

* writer      — docker's formatter.Format: format choice, template rows, plain and terminal tables
                (commands go through cli.listing.Listing)
* units       — human_duration, human_size, bytes_size, ram_in_bytes, Go durations
* displayutils — ellipsis, truncate_id
* contexts/   — one module per kind of object: its row Context (the values `--format` sees) and
                ListingSpec (contexts/base.py)
"""
