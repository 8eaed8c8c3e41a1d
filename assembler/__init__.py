"""Assemble OPI agreements from a deal description and the clause library."""
