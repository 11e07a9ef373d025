;;; check.el --- the Cognito language server in Emacs + eglot, in batch  -*- lexical-binding: t; -*-
;;
;;   COGNITO_EDITORS_CASES=cases.resolved.json COGNITO_SERVER=dist/server/server.js \
;;     emacs --batch -l test/editors/emacs/check.el
;;
;; For each fixture in the resolved cases (written by test/editors/run.ts): visit it, let eglot
;; start the server from `eglot-server-programs' (the configuration docs/editors.md shows), wait
;; for the expected diagnostic codes through flymake, hover, complete, apply a quick fix
;; (skipped, with the reason, while the server offers no code actions), and run a "Convert to
;; ..." action's command.  Prints `ok NAME',
;; `skip NAME: why' or `fail NAME: why' per check on stdout and exits non-zero when any failed.
;; Written for Emacs 28 with eglot 1.9 (Debian `emacs-nox' + `elpa-eglot'); newer eglots work too.

(package-initialize)
(require 'cl-lib)
(require 'json)
(require 'eglot)
(require 'flymake)

(defvar cognito-check-timeout
  (/ (string-to-number (or (getenv "COGNITO_EDITORS_TIMEOUT_MS") "15000")) 1000.0)
  "Seconds to wait for each result.")
(defvar cognito-check-failures 0)

(defun cognito-check--say (fmt &rest args)
  (princ (concat (replace-regexp-in-string "\n" " " (apply #'format fmt args)) "\n")))
(defun cognito-check--ok (name) (cognito-check--say "ok %s" name))
(defun cognito-check--skip (name why) (cognito-check--say "skip %s: %s" name why))
(defun cognito-check--fail (name why)
  (cl-incf cognito-check-failures)
  (cognito-check--say "fail %s: %s" name why))

(defun cognito-check--wait (predicate)
  "Poll PREDICATE while serving the server's output; its value, or nil after the timeout."
  (let ((deadline (+ (float-time) cognito-check-timeout)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

;; Stand-in major modes when the real ones are not installed (emacs-nox ships neither).  Only the
;; mode names matter to eglot: they select the server and give the languageId.
(unless (fboundp 'yaml-mode) (define-derived-mode yaml-mode prog-mode "YAML"))
(unless (fboundp 'json-mode) (define-derived-mode json-mode prog-mode "JSON"))
(unless (fboundp 'terraform-mode) (define-derived-mode terraform-mode prog-mode "Terraform"))
(unless (fboundp 'typescript-mode) (define-derived-mode typescript-mode prog-mode "TypeScript"))
(add-to-list 'auto-mode-alist '("\\.ya?ml\\'" . yaml-mode))
(add-to-list 'auto-mode-alist '("\\.json\\'" . json-mode))
(add-to-list 'auto-mode-alist '("\\.tf\\'" . terraform-mode))
(add-to-list 'auto-mode-alist '("\\.ts\\'" . typescript-mode))

;; The configuration under test (docs/editors.md): one server per mode, so each gets its own
;; languageId ("yaml", "json", "terraform", "typescript", "python"), which is how the server tells
;; the syntaxes apart.  Emacs has python-mode built in.
(let ((command (list (or (getenv "COGNITO_NODE") "node")
                     (or (getenv "COGNITO_SERVER") (error "COGNITO_SERVER is not set"))
                     "--stdio")))
  (add-to-list 'eglot-server-programs `(yaml-mode . ,command))
  (add-to-list 'eglot-server-programs `(json-mode . ,command))
  (add-to-list 'eglot-server-programs `(terraform-mode . ,command))
  (add-to-list 'eglot-server-programs `(typescript-mode . ,command))
  (add-to-list 'eglot-server-programs `(python-mode . ,command)))
(setq eglot-sync-connect cognito-check-timeout
      eglot-connect-timeout 30
      eglot-send-changes-idle-time 0.1)

(defun cognito-check--codes ()
  "The diagnostic codes flymake holds for this buffer."
  (delete-dups
   (cl-loop for d in (flymake-diagnostics)
            for lsp = (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))
            for code = (and lsp (plist-get lsp :code))
            when code collect (format "%s" code))))

(defun cognito-check--diagnostic (code)
  "The LSP diagnostic (a plist) flymake holds for CODE."
  (cl-loop for d in (flymake-diagnostics)
           for lsp = (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))
           when (and lsp (equal (format "%s" (plist-get lsp :code)) code)) return lsp))

(defun cognito-check--refresh ()
  "Hand pending changes to the server and ask flymake to collect what eglot has."
  (when (fboundp 'eglot--signal-textDocument/didChange) (eglot--signal-textDocument/didChange))
  (flymake-start))

(defun cognito-check--request (method place)
  (save-excursion
    (goto-char (eglot--lsp-position-to-point place))
    (jsonrpc-request (eglot--current-server-or-lose) method
                     (append (eglot--TextDocumentPositionParams)
                             (when (eq method :textDocument/completion) '(:context (:triggerKind 1))))
                     :timeout cognito-check-timeout)))

(defun cognito-check--hover-text (contents)
  (cond ((stringp contents) contents)
        ((plist-get contents :value))
        ((vectorp contents)
         (mapconcat (lambda (c) (if (stringp c) c (or (plist-get c :value) ""))) contents "\n"))
        (t (format "%S" contents))))

(defun cognito-check--place (plist)
  (list :line (plist-get plist :line) :character (plist-get plist :character)))

(defun cognito-check--case (case)
  (let* ((path (plist-get case :path))
         (label (file-name-nondirectory path))
         (expected (append (plist-get case :codes) nil))
         name)
    (find-file path)
    ;; A second file of a mode (stack.ts after client.ts, stack.py after app.py) joins the server
    ;; already managing that mode: connecting again would replace it, and the old server's exit
    ;; makes eglot reconnect in the middle of the next file's checks.
    (unless (eglot-current-server) (apply #'eglot--connect (eglot--guess-contact)))
    (unless (cognito-check--wait (lambda () (and (eglot-current-server) eglot--managed-mode)))
      (error "eglot did not start the server for %s" label))

    ;; Diagnostics
    (setq name (concat label " diagnostics"))
    (let ((missing expected))
      (cognito-check--wait
       (lambda ()
         (cognito-check--refresh)
         (setq missing (cl-set-difference expected (cognito-check--codes) :test #'equal))
         (null missing)))
      (if (null missing)
          (cognito-check--ok name)
        (cognito-check--fail name (format "missing %s; got [%s]" (string-join missing ", ")
                                          (string-join (sort (cognito-check--codes) #'string<) ", ")))))

    ;; Hover
    (setq name (concat label " hover"))
    (condition-case err
        (let* ((hover (plist-get case :hover))
               (result (cognito-check--request :textDocument/hover (cognito-check--place hover)))
               (text (and result (cognito-check--hover-text (plist-get result :contents)))))
          (cond ((null text) (cognito-check--fail name (format "no hover at %s" (plist-get hover :at))))
                ((string-search (plist-get hover :expect) text) (cognito-check--ok name))
                (t (cognito-check--fail name (format "hover lacks \"%s\": %s" (plist-get hover :expect)
                                                     (substring text 0 (min 200 (length text))))))))
      (error (cognito-check--fail name (error-message-string err))))

    ;; Completion
    (cl-loop
     for completion across (plist-get case :completions) do
     (setq name (format "%s completion %s" label (plist-get completion :name)))
     (condition-case err
         (let* ((result (cognito-check--request :textDocument/completion (cognito-check--place completion)))
                (items (if (vectorp result) result (plist-get result :items)))
                (labels (mapcar (lambda (item) (plist-get item :label)) items))
                (reject (plist-get completion :reject)))
           (cond ((not (member (plist-get completion :expect) labels))
                  (cognito-check--fail name (format "no \"%s\" among [%s]" (plist-get completion :expect)
                                                    (string-join labels ", "))))
                 ((and reject (member reject labels))
                  (cognito-check--fail name (format "\"%s\" offered though it is already written" reject)))
                 (t (cognito-check--ok name))))
       (error (cognito-check--fail name (error-message-string err)))))

    ;; Code action
    (let* ((fix (plist-get case :codeAction))
           (code (plist-get fix :code)))
      (setq name (format "%s code action %s" label code))
      (if (not (eglot--server-capable :codeActionProvider))
          (cognito-check--skip name "the server offers no code actions yet")
        (condition-case err
            (let* ((target (or (cognito-check--diagnostic code) (error "no %s diagnostic to fix" code)))
                   (actions (append (jsonrpc-request
                                     (eglot--current-server-or-lose) :textDocument/codeAction
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :range (plist-get target :range)
                                           :context (list :diagnostics (vector target) :only ["quickfix"]))
                                     :timeout cognito-check-timeout)
                                    nil))
                   (wanted (plist-get fix :titleIncludes))
                   (chosen (or (cl-find-if
                                (lambda (a)
                                  (and (cl-some (lambda (d) (equal (format "%s" (plist-get d :code)) code))
                                                (plist-get a :diagnostics))
                                       (or (not wanted) (string-search wanted (or (plist-get a :title) "")))))
                                actions)
                               (car actions)
                               (error "no code action offered for %s" code))))
              (when (and (not (plist-get chosen :edit)) (eglot--server-capable :codeActionProvider :resolveProvider))
                (setq chosen (jsonrpc-request (eglot--current-server-or-lose) :codeAction/resolve chosen
                                              :timeout cognito-check-timeout)))
              (unless (plist-get chosen :edit) (error "the action \"%s\" carries no edit" (plist-get chosen :title)))
              (eglot--apply-workspace-edit (plist-get chosen :edit))
              (unless (string-search (plist-get fix :expectText) (buffer-string))
                (error "after \"%s\" the buffer lacks %s" (plist-get chosen :title) (plist-get fix :expectText)))
              (unless (cognito-check--wait (lambda () (cognito-check--refresh)
                                             (and (cognito-check--codes)
                                                  (not (member code (cognito-check--codes))))))
                (error "%s is still reported after \"%s\"" code (plist-get chosen :title)))
              (cognito-check--ok name))
          (error (cognito-check--fail name (error-message-string err))))))

    ;; Conversion: the "Convert to ..." action carries the server's command; eglot's own
    ;; `eglot-execute-command' sends it and returns the server's answer, the converted text.
    ;; (eglot 1.9 announces no resource operations, so the server creates no file beside the
    ;; source, and `eglot-code-actions' drops the answer: see docs/editors.md.)
    (let ((convert (plist-get case :convert)))
      (when convert
        (setq name (format "%s convert %s" label (plist-get convert :target)))
        (condition-case err
            (let* ((place (cognito-check--place convert))
                   (actions (append (jsonrpc-request
                                     (eglot--current-server-or-lose) :textDocument/codeAction
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :range (list :start place :end place)
                                           :context (list :diagnostics [] :only ["refactor.rewrite"]))
                                     :timeout cognito-check-timeout)
                                    nil))
                   (chosen (or (cl-find-if (lambda (a) (equal (plist-get a :title) (plist-get convert :title))) actions)
                               (error "no \"%s\" among [%s]" (plist-get convert :title)
                                      (mapconcat (lambda (a) (format "%s" (plist-get a :title))) actions ", "))))
                   (command (plist-get chosen :command))
                   (arguments (plist-get command :arguments)))
              (unless (equal (plist-get command :command) "cognitoClient.server.convertClient")
                (error "\"%s\" carries no server command: %S" (plist-get convert :title) command))
              (unless (equal (aref arguments 2) (plist-get convert :target))
                (error "the command converts to %s" (aref arguments 2)))
              (let* ((result (eglot-execute-command (eglot--current-server-or-lose) (plist-get command :command) arguments))
                     (content (plist-get result :content))
                     (missing (cl-remove-if (lambda (e) (and (stringp content) (string-search e content)))
                                            (append (plist-get convert :expectText) nil))))
                (cond ((not (stringp content)) (error "the command answered %S" result))
                      ((not (equal (plist-get result :language) (plist-get convert :language)))
                       (error "the converted text is %s, not %s" (plist-get result :language) (plist-get convert :language)))
                      (missing (error "the converted text lacks %s: %s" (car missing) content))))
              (cognito-check--ok name))
          (error (cognito-check--fail name (error-message-string err))))))))

(condition-case err
    (let* ((file (or (getenv "COGNITO_EDITORS_CASES") (error "COGNITO_EDITORS_CASES is not set")))
           (cases (let ((json-object-type 'plist) (json-array-type 'vector) (json-key-type 'keyword))
                    (json-read-file file))))
      (cognito-check--say "emacs %s, eglot %s" emacs-version
                          (or (ignore-errors (package-desc-version (cadr (assq 'eglot package-alist)))) "?"))
      (cl-loop for case across cases do
               (condition-case err
                   (cognito-check--case case)
                 (error (cognito-check--fail (concat (file-name-nondirectory (plist-get case :path)) " scenario")
                                             (error-message-string err)))))
      (dolist (server (cl-loop for servers being the hash-values of eglot--servers-by-project append servers))
        (ignore-errors (eglot-shutdown server))))
  (error (cognito-check--fail "emacs setup" (error-message-string err))))

(kill-emacs (if (> cognito-check-failures 0) 1 0))
;;; check.el ends here
