"""Runners decide where the pure stages run; they never change what the stages compute."""
