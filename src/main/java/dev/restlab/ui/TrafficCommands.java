package dev.restlab.ui;

/** The traffic pane's commands that the window's keyboard shortcuts also give. */
public interface TrafficCommands {

    /** Empties the list, for a while undoably. */
    void clear();

    /** Puts the selected exchange on the clipboard as a curl command. */
    void copyCurlToClipboard();
}
