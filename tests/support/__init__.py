"""Helpers shared by the tests: loopback web servers and a way to run the real CLI."""
