"""The provincial office's window: hand-ins received, the consolidated matrix, imports."""
