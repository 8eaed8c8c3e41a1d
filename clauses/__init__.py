"""The clause library: one YAML file per clause (see README.md) and its loader."""
