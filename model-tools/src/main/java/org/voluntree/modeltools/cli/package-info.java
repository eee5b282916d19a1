/** The model-tools subcommands: train, evaluate, predict, and the registry commands. */
package org.voluntree.modeltools.cli;
