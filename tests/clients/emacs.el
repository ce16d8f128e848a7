;;; emacs.el --- drive Emacs' ispell and flyspell with arspell  -*- lexical-binding: t -*-
;;
;; Run by emacs.sh: emacs -Q --batch -l emacs.el.  The environment gives
;; ARSPELL (the built tool) and ARTICLE (the seed article).  Prints one
;; line per result, which emacs.sh compares with what it expects:
;;   word MISS FIRST-OFFER        ispell-word on a misspelled word
;;   buffer MISS FIRST-OFFER      each word ispell-buffer stops on
;;   flyspell-TAG WORD            each word flyspell highlights
;; and "error WHAT: MESSAGE" when something fails.

(require 'ispell)
(require 'flyspell)

(setq ispell-program-name (getenv "ARSPELL"))
;; The entry README.md documents: Arabic and Latin letters are word
;; letters, and the pipe speaks UTF-8.
(setq ispell-local-dictionary-alist
      '(("arabic" "[[:alpha:]]" "[^[:alpha:]]" "['’]" nil
         ("-d" "ar,en_US") nil utf-8)))
(setq ispell-dictionary "arabic")
(setq ispell-silently-savep t)
(setq flyspell-issue-message-flag nil)

(defvar arspell-test-misses nil
  "What ispell-command-loop was called with: (WORD . OFFERS), last first.")

;; ispell-word and ispell-buffer ask the user through this function; answer
;; "accept" (nil) and remember what was asked.
(advice-add 'ispell-command-loop :override
            (lambda (miss _guess word _start _end)
              (push (cons word miss) arspell-test-misses)
              nil))

(defun arspell-test-report (tag)
  (dolist (m (reverse arspell-test-misses))
    (princ (format "%s %s %s\n" tag (car m) (or (cadr m) "-"))))
  (setq arspell-test-misses nil))

(defun arspell-test-flyspell (tag)
  "Print the words flyspell highlighted in the current buffer, in order."
  (let ((ovs (sort (seq-filter #'flyspell-overlay-p
                               (overlays-in (point-min) (point-max)))
                   (lambda (a b) (< (overlay-start a) (overlay-start b))))))
    (dolist (o ovs)
      (princ (format "flyspell-%s %s\n" tag
                     (buffer-substring-no-properties (overlay-start o)
                                                     (overlay-end o)))))))

(defmacro arspell-test-step (what &rest body)
  `(condition-case err
       (progn ,@body)
     (error (princ (format "error %s: %s\n" ,what
                           (error-message-string err))))))

;; ispell-word on a misspelled name
(arspell-test-step "ispell-word"
  (with-temp-buffer
    (insert "The Telegerm app")
    (goto-char 6)
    (ispell-word)
    (arspell-test-report "word")))

;; "i" in ispell-word: insert into the private dictionary, then save it
;; (ispell-command-loop sends "*WORD", ispell-pdict-save "#"); the word
;; is then correct
(arspell-test-step "private dictionary"
  (with-temp-buffer
    (insert "Qwzxyv")
    (ispell-send-string "*Qwzxyv\n")
    (setq ispell-pdict-modified-p '(t))
    (ispell-pdict-save t t)
    (goto-char 3)
    (ispell-word)
    (princ (format "inserted %s\n" (null arspell-test-misses)))
    (setq arspell-test-misses nil)))

;; ispell-buffer on the article
(arspell-test-step "ispell-buffer"
  (with-temp-buffer
    (insert-file-contents (getenv "ARTICLE"))
    (ispell-buffer)
    (arspell-test-report "buffer")))

;; flyspell-buffer on the article (over 1,000 characters: flyspell's
;; large-region path, which runs PROG -l) and on its first lines (the
;; small-region path, word by word through -a)
(arspell-test-step "flyspell-buffer large"
  (with-temp-buffer
    (insert-file-contents (getenv "ARTICLE"))
    (princ (format "size-large %s\n" (> (buffer-size) flyspell-large-region)))
    (flyspell-mode 1)
    (flyspell-buffer)
    (arspell-test-flyspell "large")))

(arspell-test-step "flyspell-buffer small"
  (with-temp-buffer
    (insert "قال بافل دوروف (Pavel Durov) إن تيليجرام وأمازون عادا، "
            "لكن Telegerm و Doroff خطأ.\n")
    (princ (format "size-small %s\n" (> (buffer-size) flyspell-large-region)))
    (flyspell-mode 1)
    (flyspell-buffer)
    (arspell-test-flyspell "small")))

(ispell-kill-ispell t)
;;; emacs.el ends here
