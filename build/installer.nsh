; OneWindow's additions to electron-builder's NSIS installer (electron-builder.yml: nsis.include).
;
; Mass deployment: the installer takes the PC's role and the hall's address on its command line
; and leaves them in role-preset.json beside the app's resources, which the app reads at its
; first start (then this PC's own settings take over). Documented in docs/deploy.md:
;
;   OneWindow-Setup-x.y.z.exe /S /allusers /ROLE=counter /HALL=https://192.168.1.10:4720 /HALLCERT=AB:CD:… /COUNTER=3
;
;   /ROLE=      hall-server | counter | kiosk | board | manager-desk (the app's --role= words)
;   /HALL=      the hall server's address (https://…), needed by every role but hall-server
;   /HALLCERT=  the SHA-256 fingerprint of the hall's certificate, as its console and 设备 page show it
;   /COUNTER=   the counter (window) number, for /ROLE=counter
;
; role-preset.json: { "role": "counter", "hallUrl": "https://…", "hallCertificate": "AB:…", "counter": 3 }
; (only the keys given; the role in the app's settings words: hallServer, counter, kiosk, board,
; managerDesk; a hallServer also gets "host": "0.0.0.0"). main/electron/role-preset-file.ts reads it. A value the app could not read is refused here, before anything is
; installed, with exit code 2, so a deployment tool reports the PC instead of it starting unset.

!ifndef BUILD_UNINSTALLER
  !include "FileFunc.nsh"
  !include "LogicLib.nsh"

  Var presetRole
  Var presetHall
  Var presetHallCert
  Var presetCounter

  ; $R9: a value from the command line. $R8 out: "ok", or "bad" when it holds a character that
  ; would end a JSON string (" or \): the values are written into role-preset.json as they are.
  Function onewindowJsonSafe
    Push $R7
    Push $R6
    StrCpy $R8 "ok"
    StrCpy $R7 0
    ${Do}
      StrCpy $R6 $R9 1 $R7
      ${If} $R6 == ""
        ${Break}
      ${EndIf}
      ${If} $R6 == '"'
      ${OrIf} $R6 == "\"
        StrCpy $R8 "bad"
        ${Break}
      ${EndIf}
      IntOp $R7 $R7 + 1
    ${Loop}
    Pop $R6
    Pop $R7
  FunctionEnd

  Function onewindowRefusePreset
    ; $R9: what was wrong. /SD IDOK: in a silent install the box is not shown, the exit code says it.
    MessageBox MB_OK|MB_ICONSTOP "OneWindow: $R9$\r$\n$\r$\nSee docs/deploy.md, silent installation." /SD IDOK
    SetErrorLevel 2
    Quit
  FunctionEnd

  Function onewindowReadPreset
    ${GetParameters} $R0

    ClearErrors
    ${GetOptions} $R0 "/ROLE=" $presetRole
    ${If} ${Errors}
      StrCpy $presetRole ""
    ${EndIf}
    ; The app's own spelling whatever case was typed (NSIS compares without case).
    ${If} $presetRole == ""
    ${ElseIf} $presetRole == "hall-server"
    ${OrIf} $presetRole == "hallServer"
      StrCpy $presetRole "hallServer"
    ${ElseIf} $presetRole == "counter"
      StrCpy $presetRole "counter"
    ${ElseIf} $presetRole == "kiosk"
      StrCpy $presetRole "kiosk"
    ${ElseIf} $presetRole == "board"
      StrCpy $presetRole "board"
    ${ElseIf} $presetRole == "manager-desk"
    ${OrIf} $presetRole == "managerDesk"
      StrCpy $presetRole "managerDesk"
    ${Else}
      StrCpy $R9 "/ROLE=$presetRole is not a role (hall-server, counter, kiosk, board, manager-desk)."
      Call onewindowRefusePreset
    ${EndIf}

    ClearErrors
    ${GetOptions} $R0 "/HALL=" $presetHall
    ${If} ${Errors}
      StrCpy $presetHall ""
    ${EndIf}
    StrCpy $R9 $presetHall
    Call onewindowJsonSafe
    ${If} $R8 != "ok"
      StrCpy $R9 "/HALL= holds a quote or a backslash."
      Call onewindowRefusePreset
    ${EndIf}

    ClearErrors
    ${GetOptions} $R0 "/HALLCERT=" $presetHallCert
    ${If} ${Errors}
      StrCpy $presetHallCert ""
    ${EndIf}
    StrCpy $R9 $presetHallCert
    Call onewindowJsonSafe
    ${If} $R8 != "ok"
      StrCpy $R9 "/HALLCERT= holds a quote or a backslash."
      Call onewindowRefusePreset
    ${EndIf}

    ClearErrors
    ${GetOptions} $R0 "/COUNTER=" $presetCounter
    ${If} ${Errors}
      StrCpy $presetCounter ""
    ${EndIf}
    ${If} $presetCounter != ""
      ; A positive whole number, written unquoted: IntOp turns anything else into another string.
      IntOp $R1 $presetCounter + 0
      ${If} $R1 != $presetCounter
      ${OrIf} $R1 < 1
        StrCpy $R9 "/COUNTER=$presetCounter is not a counter number."
        Call onewindowRefusePreset
      ${EndIf}
    ${EndIf}

    ${If} $presetRole == ""
    ${AndIf} "$presetHall$presetHallCert$presetCounter" != ""
      StrCpy $R9 "/HALL=, /HALLCERT= and /COUNTER= need /ROLE= too."
      Call onewindowRefusePreset
    ${EndIf}
    ; Every screen but the hall server itself finds the hall by its address.
    ${If} $presetRole != ""
    ${AndIf} $presetRole != "hallServer"
    ${AndIf} $presetHall == ""
      StrCpy $R9 "/ROLE=$presetRole needs /HALL=https://<the hall server>:4720 too."
      Call onewindowRefusePreset
    ${EndIf}
  FunctionEnd

  Function onewindowWritePreset
    ${If} $presetRole == ""
      ; No role given: no preset, and none left from an earlier installation into this folder.
      Delete "$INSTDIR\resources\role-preset.json"
      Return
    ${EndIf}
    CreateDirectory "$INSTDIR\resources"
    ClearErrors
    FileOpen $R0 "$INSTDIR\resources\role-preset.json" w
    ${If} ${Errors}
      StrCpy $R9 "cannot write $INSTDIR\resources\role-preset.json."
      Call onewindowRefusePreset
    ${EndIf}
    FileWrite $R0 '{ "role": "$presetRole"'
    ${If} $presetHall != ""
      FileWrite $R0 ', "hallUrl": "$presetHall"'
    ${EndIf}
    ${If} $presetHallCert != ""
      FileWrite $R0 ', "hallCertificate": "$presetHallCert"'
    ${EndIf}
    ${If} $presetCounter != ""
      FileWrite $R0 ', "counter": $presetCounter'
    ${EndIf}
    ${If} $presetRole == "hallServer"
      ; Installed as a hall's server it serves the LAN (over HTTPS); the app alone serves only this PC.
      FileWrite $R0 ', "host": "0.0.0.0"'
    ${EndIf}
    FileWrite $R0 ' }$\r$\n'
    FileClose $R0
  FunctionEnd
!endif

; Checked before anything is installed, so a mistyped command line leaves the PC untouched.
!macro customInit
  !insertmacro onewindowKeepRegisters onewindowReadPreset
!macroend

!macro customInstall
  !insertmacro onewindowKeepRegisters onewindowWritePreset
!macroend

; The functions use $R0, $R1, $R8 and $R9; electron-builder's code around the hooks keeps its own.
!macro onewindowKeepRegisters FUNCTION
  Push $R0
  Push $R1
  Push $R8
  Push $R9
  Call ${FUNCTION}
  Pop $R9
  Pop $R8
  Pop $R1
  Pop $R0
!macroend
